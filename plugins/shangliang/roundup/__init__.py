"""roundup"""
