"""The Discord bot: persona registry, generation pool, commands, and the Discord and console front ends."""
